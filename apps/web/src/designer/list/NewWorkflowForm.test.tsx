import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { NewWorkflowForm } from './NewWorkflowForm';

function renderForm(existing: string[] = []) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <NewWorkflowForm existing={existing} /> },
      { path: '/designer/:key', element: <p data-testid="opened">opened</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('NewWorkflowForm', () => {
  it('proposes a pinyin key for a Chinese name and opens the Designer on Create', async () => {
    const router = renderForm();
    fireEvent.change(screen.getByTestId('new-workflow-name'), { target: { value: '中文测试流程' } });
    await waitFor(() =>
      expect((screen.getByTestId('new-workflow-key') as HTMLInputElement).value).toBe(
        'zhong-wen-ce-shi-liu-cheng',
      ),
    );
    fireEvent.click(screen.getByTestId('new-workflow-create'));
    await screen.findByTestId('opened');
    expect(router.state.location.pathname).toBe('/designer/zhong-wen-ce-shi-liu-cheng');
  });

  it('says why Create refuses instead of doing nothing', () => {
    renderForm(['taken']);
    fireEvent.click(screen.getByTestId('new-workflow-create'));
    expect(screen.getByTestId('new-workflow-name-error').textContent).toMatch(/name/);
    fireEvent.change(screen.getByTestId('new-workflow-name'), { target: { value: 'Taken' } });
    fireEvent.click(screen.getByTestId('new-workflow-create'));
    expect(screen.getByTestId('new-workflow-key-error').textContent).toMatch(/exists/);
    fireEvent.change(screen.getByTestId('new-workflow-key'), { target: { value: '' } });
    expect(screen.getByTestId('new-workflow-key-error').textContent).toMatch(/Enter a key/);
  });
});
